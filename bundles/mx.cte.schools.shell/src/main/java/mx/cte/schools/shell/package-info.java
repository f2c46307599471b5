/** Shell commands for the school directory. Implementation only: exports nothing. */
package mx.cte.schools.shell;
