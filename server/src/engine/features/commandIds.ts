/**
 * Ids of the commands the engine's results carry: a code lens shows locations, a fix that needs input asks for it.
 * The protocol module (server/src/protocol/commands.ts) gives clients the same constants with their arguments;
 * this file holds nothing else so that clients can import it without bundling engine code.
 */

/** A code lens's command: the client shows `{uri, position, locations}` (VS Code: the peek view). */
export const SHOW_LOCATIONS_COMMAND = 'netlens.showLocations';

/** The command a fix carries when the ingress controller's address is unknown (see docs/fixes.md). */
export const ADMIT_INGRESS_CONTROLLER_COMMAND = 'netlens.admitIngressController';

/** An unsaved-edit code lens's command: the client lists `{title, changes}` (what the edit does to connectivity). */
export const SHOW_CONNECTIVITY_CHANGES_COMMAND = 'netlens.showConnectivityChanges';
