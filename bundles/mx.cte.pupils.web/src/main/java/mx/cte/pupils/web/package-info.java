/** Pupils module web API: implementation only, exports nothing. */
package mx.cte.pupils.web;
