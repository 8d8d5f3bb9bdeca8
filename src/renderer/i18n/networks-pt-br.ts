/** Texts of the network account form (Settings › Pages), Brazilian Portuguese first. */
export const networksPtBr = {
  title: 'Adicionar conta de outra rede',
  network: 'Rede',
  accountId: 'Conta',
  add: 'Adicionar',
  test: 'Testar conexão',
  testing: 'Testando…',
  token: {
    facebook: 'Token da Página do Facebook',
    instagram: 'Token de acesso do Instagram',
    x: 'Token Bearer do app no X',
  },
  tokenHelp: {
    facebook: 'Um token de Página com pages_read_engagement e read_insights.',
    instagram: 'Um token com instagram_basic e instagram_manage_insights de uma conta profissional.',
    x: 'O token Bearer do app em console.x.com; cada consulta é cobrada, por isso lemos no máximo uma vez por dia.',
  },
  idHelp: {
    facebook: 'O id numérico da Página (Sobre › Transparência da Página).',
    instagram: 'O id numérico da conta profissional (instagram_business_account da Página).',
    x: 'O nome de usuário depois de x.com/, sem @.',
  },
  ok: 'Conexão ok',
  okAccount: 'Conexão ok: {{name}}, {{followers}} seguidores',
  okToken: 'Token salvo; adicione uma conta para testar a leitura.',
  problem: 'A conexão falhou',
} as const;

export type NetworksMessages = { [K in keyof typeof networksPtBr]: (typeof networksPtBr)[K] extends string ? string : { [N in keyof (typeof networksPtBr)[K]]: string } };
