/** Shell commands for accounts. Implementation only: exports nothing. */
package mx.cte.security.shell;
