/** Pupils who need support module: implementation only, exports nothing. */
package mx.cte.pupils.impl;
