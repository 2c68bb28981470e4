/**
 * The CRM edge: calendars, outbound channels and the GoHighLevel adapter. Each sits behind an
 * interface with a local default that needs no network, so the embedded platform runs alone.
 */
package ai.jorge.crm;
