/** The generic free-text product type. Implementation only: exports nothing. */
package mx.cte.products.text;
