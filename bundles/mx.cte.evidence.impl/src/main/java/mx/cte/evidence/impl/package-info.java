/** Evidence module: implementation only, exports nothing. */
package mx.cte.evidence.impl;
