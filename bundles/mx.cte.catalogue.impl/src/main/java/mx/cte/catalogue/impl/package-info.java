/** Resource catalogue module: implementation only, exports nothing. */
package mx.cte.catalogue.impl;
