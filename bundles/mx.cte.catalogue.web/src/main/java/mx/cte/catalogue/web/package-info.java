/** JSON API of the resource catalogue; implementation only, exports nothing. */
package mx.cte.catalogue.web;
