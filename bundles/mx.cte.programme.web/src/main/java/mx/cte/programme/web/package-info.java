/** Improvement programme module web API and editor: implementation only, exports nothing. */
package mx.cte.programme.web;
