/** Inter-school exchange module: implementation only, exports nothing. */
package mx.cte.exchange.impl;
