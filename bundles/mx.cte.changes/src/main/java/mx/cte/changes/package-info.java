/** The change feed: what each school saved, for the session screens open on other devices; exports nothing. */
package mx.cte.changes;
