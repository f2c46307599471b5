/** JSON API of the guide registry. Implementation only: exports nothing. */
package mx.cte.guide.web;
