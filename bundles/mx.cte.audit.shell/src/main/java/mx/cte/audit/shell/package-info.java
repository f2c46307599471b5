/** The audit shell command. Implementation only: exports nothing. */
package mx.cte.audit.shell;
