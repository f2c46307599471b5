/** The web UI shell; implementation only, exports nothing. */
package mx.cte.ui;
