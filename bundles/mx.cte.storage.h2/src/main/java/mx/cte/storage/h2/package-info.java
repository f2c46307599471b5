/** Upkeep of the embedded H2 database's file. Implementation only: exports nothing. */
package mx.cte.storage.h2;
