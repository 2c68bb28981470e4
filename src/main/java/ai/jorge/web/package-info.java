/**
 * The web edge: one Javalin server, the JSON error format, request body rules and
 * authentication. Feature packages contribute {@link ai.jorge.web.RouteGroup}s; services behind
 * them never see Javalin types.
 */
package ai.jorge.web;
