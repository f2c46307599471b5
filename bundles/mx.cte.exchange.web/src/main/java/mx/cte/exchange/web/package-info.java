/** JSON API of the inter-school exchange; implementation only, exports nothing. */
package mx.cte.exchange.web;
