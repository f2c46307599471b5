/** Results analysis module: implementation only, exports nothing. */
package mx.cte.results.impl;
