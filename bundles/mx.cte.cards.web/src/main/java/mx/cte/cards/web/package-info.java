/** JSON API of the intervention cards; implementation only, exports nothing. */
package mx.cte.cards.web;
