/** The platform's features kept alike on every node sharing the database. Nothing exported. */
package mx.cte.cluster.modules;
