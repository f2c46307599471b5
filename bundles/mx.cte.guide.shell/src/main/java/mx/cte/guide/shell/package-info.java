/** Karaf shell commands for guides (scope {@code cte}). Implementation only: exports nothing. */
package mx.cte.guide.shell;
