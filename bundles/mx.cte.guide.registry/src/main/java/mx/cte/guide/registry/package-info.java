/** Guide extender and registry. Implementation only: exports nothing. */
package mx.cte.guide.registry;
