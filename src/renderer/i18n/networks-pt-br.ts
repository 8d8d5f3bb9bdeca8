/**
 * Texts of the other networks (Facebook, Instagram, X): the account form in Settings › Pages and
 * the welcome flow, and the dashboard's cross-network view. Brazilian Portuguese first; merged
 * into the i18next catalogs in catalogs.ts.
 */
export const networksPtBr = {
  networkForm: {
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
  },
  welcomeNetworks: {
    step: 'Outras redes',
    title: 'Outras redes (opcional)',
    text: 'Acompanhe também uma Página do Facebook, uma conta do Instagram ou um perfil no X ao lado do LinkedIn. Dá para fazer isso depois em Configurações › Páginas.',
    added: 'Acompanhando agora',
    skip: 'Pular esta etapa',
    continue: 'Continuar',
  },
  crossNetwork: {
    title: 'Redes lado a lado',
    subtitle: 'Seguidores de cada rede no período; no índice, cada rede começa em 100.',
    mode: 'Escala',
    absolute: 'Seguidores',
    indexed: 'Índice (início = 100)',
    indexedFrom: '{{network}}: índice a partir da primeira contagem, em {{day}} (não havia contagem no início do período).',
    noBase: '{{network}}: sem contagem de seguidores no período, fora do índice.',
    aria: 'Seguidores por rede de {{from}} a {{to}}',
    table: {
      caption: 'Variação por rede de {{from}} a {{to}}',
      network: 'Rede',
      start: 'Seguidores no início',
      end: 'Seguidores no fim',
      net: 'Variação líquida',
      growth: 'Crescimento',
      share: 'Participação',
    },
    countsOnly: '{{network}} informa só o total de seguidores: a variação é a diferença entre as contagens, a partir de {{day}}.',
    gains: {
      title: 'Novos seguidores por rede',
      subtitle: 'Ganho líquido de cada rede empilhado; períodos sem dados ficam em branco.',
      aria: 'Novos seguidores por rede de {{from}} a {{to}}',
      net: 'Ganho líquido',
      noGains: '{{networks}}: sem ganhos diários (a rede informa só o total), fora deste gráfico.',
    },
  },
};

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
export type NetworksMessages = Texts<typeof networksPtBr>;
