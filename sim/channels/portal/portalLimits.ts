/**
 * The most files one application may carry: the portal's form takes no more, so the scenario's
 * schema, the model's draws and the mock's multipart limit all read this one number (a replay that
 * draws 30 files must not meet a mock that refuses 21).
 */
export const MAX_DOCUMENTS = 50;
