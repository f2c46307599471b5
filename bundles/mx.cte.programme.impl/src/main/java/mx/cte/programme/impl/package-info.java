/** Improvement programme module: implementation only, exports nothing. */
package mx.cte.programme.impl;
