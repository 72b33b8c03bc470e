/**
 * Ids of contacts offered from outside (the mocks' transports) start here; a process numbers its own
 * contacts from 0. A warm-started run has both kinds at once (the model's own contacts from before the
 * window, the clients' from the window on), so the ranges must never meet: 2^40 own contacts is far
 * beyond any horizon the limits allow, and every id stays an exact integer in a Float64Array.
 */
export const FIRST_EXTERNAL_CONTACT_ID = 2 ** 40;

/** Whether `contactId` names a contact offered from outside (its client acts for it: retrials, messages). */
export function isExternalContact(contactId: number): boolean {
  return contactId >= FIRST_EXTERNAL_CONTACT_ID;
}
