/** Print and export of a school's session work (PDF and CSV); implementation only, exports nothing. */
package mx.cte.print;
