/** Logbook module: implementation only, exports nothing. */
package mx.cte.logbook.impl;
