/** The "/" shortcut's hint, worded once for every search box that has it. */
export const SEARCH_SHORTCUT_HINT = 'Tryk / for at søge.';
