/** Karaf shell commands for the publication channels ({@code cte:channel-*}). */
package mx.cte.channel.shell;
