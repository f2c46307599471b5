/** Intervention cards module: implementation only, exports nothing. */
package mx.cte.cards.impl;
