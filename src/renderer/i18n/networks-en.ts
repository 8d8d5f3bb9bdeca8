import type { NetworksMessages } from './networks-pt-br';

/** English texts of the other networks' form, welcome step and cross-network view; typed as the Portuguese ones. */
export const networksEn: NetworksMessages = {
  networkForm: {
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
  },
  welcomeNetworks: {
    step: 'Other networks',
    title: 'Other networks (optional)',
    text: 'Follow a Facebook Page, an Instagram account or an X handle next to LinkedIn too. You can also do this later in Settings › Pages.',
    added: 'Now following',
    skip: 'Skip this step',
    continue: 'Continue',
  },
  crossNetwork: {
    title: 'Networks side by side',
    subtitle: "Each network's followers over the period; indexed, every network starts at 100.",
    mode: 'Scale',
    absolute: 'Followers',
    indexed: 'Index (start = 100)',
    indexedFrom: '{{network}}: indexed from its first count, on {{day}} (there was no count at the start of the period).',
    noBase: '{{network}}: no follower count in the period, left out of the index.',
    aria: 'Followers per network from {{from}} to {{to}}',
    table: {
      caption: 'Change per network from {{from}} to {{to}}',
      network: 'Network',
      start: 'Followers at start',
      end: 'Followers at end',
      net: 'Net change',
      growth: 'Growth',
      share: 'Share',
    },
    countsOnly: '{{network}} reports only its follower total: the change is the difference between its counts, from {{day}}.',
    gains: {
      title: 'New followers by network',
      subtitle: "Each network's net gain stacked; periods without data are left blank.",
      aria: 'New followers by network from {{from}} to {{to}}',
      net: 'Net gain',
      noGains: '{{networks}}: no daily gains (the network reports only its total), left out of this chart.',
    },
  },
};
