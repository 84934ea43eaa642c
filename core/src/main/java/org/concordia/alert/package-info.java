/**
 * Alerts and continuous matching (docs/decisions/0006): an alert is a record its owner asks the
 * recipients to look out for, with a type modelled on INTERPOL's notices and diffusions, a requested
 * action, a validity period and its recipients. Each recipient checks its own records against the
 * alert when it arrives and every record it imports later against all active alerts it holds ({@link
 * org.concordia.alert.AlertIndex}); a hit goes back to the owner, who confirms or rejects it. This
 * package holds the framework-free part.
 */
package org.concordia.alert;
