/** The search API on Apache Lucene; implementation only, exports nothing. */
package mx.cte.search.lucene;
