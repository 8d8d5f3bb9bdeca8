import type { NetworksMessages } from './networks-pt-br';

/** English texts of the network account form; typed as the Portuguese ones. */
export const networksEn: NetworksMessages = {
  title: 'Add an account from another network',
  network: 'Network',
  accountId: 'Account',
  add: 'Add',
  test: 'Test connection',
  testing: 'Testing…',
  token: {
    facebook: 'Facebook Page token',
    instagram: 'Instagram access token',
    x: "X app's Bearer token",
  },
  tokenHelp: {
    facebook: 'A Page token with pages_read_engagement and read_insights.',
    instagram: 'A token with instagram_basic and instagram_manage_insights for a professional account.',
    x: "The app's Bearer token from console.x.com; every read is billed, so it is read at most once a day.",
  },
  idHelp: {
    facebook: "The Page's numeric id (About › Page transparency).",
    instagram: "The professional account's numeric id (the Page's instagram_business_account).",
    x: 'The username after x.com/, without the @.',
  },
  ok: 'Connection works',
  okAccount: 'Connection works: {{name}}, {{followers}} followers',
  okToken: 'Token stored; add an account to test reading it.',
  problem: 'The connection failed',
};
