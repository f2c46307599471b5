/** Guide-configured products module: implementation only, exports nothing. */
package mx.cte.forms.impl;
