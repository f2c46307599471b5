/** The backup shell command. Implementation only: exports nothing. */
package mx.cte.storage.shell;
