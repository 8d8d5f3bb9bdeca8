import type { ErrorCode } from './error-codes';

/**
 * What each stable error code means to a user, in both product languages (contract §7: UI
 * text is looked up from the code). Shared by the UI, e-mails and the CLI, so it imports
 * nothing from Node or the DOM. Wording follows the glossary: one sentence for what
 * happened, one for what to do, Brazilian Portuguese first.
 */
export type Language = 'pt-BR' | 'en';

export interface ErrorExplanation {
  /** A few words, fit for a subject line or a banner title. */
  title: string;
  /** One sentence: what happened. */
  what: string;
  /** One sentence: what to do. */
  todo: string;
}

type Entry = Record<Language, ErrorExplanation>;

// Partial rather than exhaustive so that a teammate adding a code does not break the build
// before its text exists; the unit test pins that every shipped code has an entry.
const EXPLANATIONS: Partial<Record<ErrorCode, Entry>> = {
  LINKEDIN_TOKEN_MISSING: {
    'pt-BR': {
      title: 'Sem token do LinkedIn',
      what: 'Nenhum token de acesso do LinkedIn está salvo.',
      todo: 'Entre com o LinkedIn em Configurações › LinkedIn ou rode: follower-pulse secret set linkedin.accessToken.',
    },
    en: {
      title: 'No LinkedIn access token',
      what: 'No LinkedIn access token is stored.',
      todo: 'Sign in with LinkedIn in Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken.',
    },
  },
  LINKEDIN_TOKEN_EXPIRED: {
    'pt-BR': {
      title: 'Token do LinkedIn expirado',
      what: 'O token de acesso do LinkedIn expirou.',
      todo: 'Gere um novo em Configurações › LinkedIn (Entrar com o LinkedIn).',
    },
    en: {
      title: 'LinkedIn access token expired',
      what: 'The LinkedIn access token has expired.',
      todo: 'Get a new one in Settings › LinkedIn (Sign in with LinkedIn).',
    },
  },
  LINKEDIN_TOKEN_REVOKED: {
    'pt-BR': {
      title: 'Token do LinkedIn revogado',
      what: 'O LinkedIn revogou o token de acesso (o acesso do app foi removido ou a senha da conta mudou).',
      todo: 'Entre com o LinkedIn de novo em Configurações › LinkedIn.',
    },
    en: {
      title: 'LinkedIn access token revoked',
      what: "LinkedIn revoked the access token (the app's access was removed or the account password changed).",
      todo: 'Sign in with LinkedIn again in Settings › LinkedIn.',
    },
  },
  LINKEDIN_TOKEN_INVALID: {
    'pt-BR': {
      title: 'Token do LinkedIn inválido',
      what: 'O LinkedIn não reconheceu o token de acesso salvo.',
      todo: 'Entre com o LinkedIn de novo em Configurações › LinkedIn.',
    },
    en: {
      title: 'LinkedIn access token not accepted',
      what: 'LinkedIn did not accept the stored access token.',
      todo: 'Sign in with LinkedIn again in Settings › LinkedIn.',
    },
  },
  LINKEDIN_PERMISSION_DENIED: {
    'pt-BR': {
      title: 'Sem permissão no LinkedIn',
      what: 'O LinkedIn negou acesso às estatísticas da página.',
      todo: 'Gere o token com uma conta que seja administradora da página, com a permissão rw_organization_admin, em Configurações › LinkedIn.',
    },
    en: {
      title: 'No permission on LinkedIn',
      what: "LinkedIn refused access to the page's statistics.",
      todo: 'Get the token with an account that is an administrator of the page, with the rw_organization_admin permission, in Settings › LinkedIn.',
    },
  },
  LINKEDIN_VERSION_INACTIVE: {
    'pt-BR': {
      title: 'Versão da API do LinkedIn desativada',
      what: 'O LinkedIn não aceita mais a versão da API configurada.',
      todo: 'Atualize Configurações › LinkedIn › Versão da API para uma versão recente (AAAAMM).',
    },
    en: {
      title: 'LinkedIn API version retired',
      what: 'LinkedIn no longer accepts the configured API version.',
      todo: 'Update Settings › LinkedIn › API version to a recent version (YYYYMM).',
    },
  },
  LINKEDIN_DAILY_LIMIT: {
    'pt-BR': {
      title: 'Limite diário do LinkedIn atingido',
      what: 'O limite diário de chamadas à API do LinkedIn foi atingido.',
      todo: 'Nada a fazer: o limite zera às 00:00 UTC (21h em Brasília) e a próxima sincronização busca os dias que faltaram.',
    },
    en: {
      title: 'LinkedIn daily limit reached',
      what: 'The daily limit of LinkedIn API calls was reached.',
      todo: 'Nothing to do: the limit resets at 00:00 UTC and the next sync fetches the days it missed.',
    },
  },
  LINKEDIN_THROTTLED: {
    'pt-BR': {
      title: 'LinkedIn pediu uma pausa',
      what: 'O LinkedIn recusou as chamadas por excesso de requisições em pouco tempo.',
      todo: 'Use Sincronizar agora daqui a alguns minutos; a sincronização diária também tenta de novo sozinha.',
    },
    en: {
      title: 'LinkedIn asked to slow down',
      what: 'LinkedIn refused the calls because too many were made in a short time.',
      todo: 'Use Sync now in a few minutes; the daily sync also tries again by itself.',
    },
  },
  LINKEDIN_BAD_REQUEST: {
    'pt-BR': {
      title: 'LinkedIn recusou o pedido',
      what: 'O LinkedIn recusou o pedido de estatísticas.',
      todo: 'Confira o ID da página em Configurações › Páginas e a versão da API em Configurações › LinkedIn.',
    },
    en: {
      title: 'LinkedIn refused the request',
      what: 'LinkedIn refused the statistics request.',
      todo: 'Check the page ID in Settings › Pages and the API version in Settings › LinkedIn.',
    },
  },
  LINKEDIN_BAD_RESPONSE: {
    'pt-BR': {
      title: 'Resposta inesperada do LinkedIn',
      what: 'O LinkedIn respondeu com dados incompletos ou num formato inesperado.',
      todo: 'Tente Sincronizar agora mais tarde; se continuar, envie os logs para o suporte.',
    },
    en: {
      title: 'Unexpected answer from LinkedIn',
      what: 'LinkedIn answered with incomplete data or in an unexpected format.',
      todo: 'Try Sync now later; if it keeps happening, send the logs to support.',
    },
  },
  LINKEDIN_NOT_FOUND: {
    'pt-BR': {
      title: 'Página não encontrada no LinkedIn',
      what: 'O LinkedIn não encontrou a página com esse ID.',
      todo: 'Confira o ID da página em Configurações › Páginas.',
    },
    en: {
      title: 'Page not found on LinkedIn',
      what: 'LinkedIn found no page with this ID.',
      todo: 'Check the page ID in Settings › Pages.',
    },
  },
  FACEBOOK_TOKEN_MISSING: {
    'pt-BR': {
      title: 'Sem token do Facebook',
      what: 'Nenhum token do Facebook está salvo.',
      todo: 'Cole um token de Página do Facebook em Configurações › Redes ou rode: follower-pulse secret set facebook.pageToken.',
    },
    en: {
      title: 'No Facebook token',
      what: 'No Facebook token is stored.',
      todo: 'Paste a Facebook Page token in Settings › Networks or run: follower-pulse secret set facebook.pageToken.',
    },
  },
  FACEBOOK_TOKEN_EXPIRED: {
    'pt-BR': {
      title: 'Token do Facebook expirado',
      what: 'O token do Facebook expirou ou deixou de valer (por exemplo, após uma troca de senha).',
      todo: 'Gere um token novo e salve em Configurações › Redes ou rode: follower-pulse secret set facebook.pageToken.',
    },
    en: {
      title: 'Facebook token expired',
      what: 'The Facebook token has expired or is no longer valid (for example after a password change).',
      todo: 'Create a new token and store it in Settings › Networks or run: follower-pulse secret set facebook.pageToken.',
    },
  },
  FACEBOOK_PERMISSION_DENIED: {
    'pt-BR': {
      title: 'Sem permissão no Facebook',
      what: 'O Facebook recusou o acesso com este token.',
      todo: 'Gere um token com as permissões pages_read_engagement e read_insights, de alguém que pode analisar a conta.',
    },
    en: {
      title: 'No permission on Facebook',
      what: 'Facebook refused access with this token.',
      todo: 'Create a token with the pages_read_engagement and read_insights permissions, from someone who can analyse the account.',
    },
  },
  FACEBOOK_THROTTLED: {
    'pt-BR': {
      title: 'Facebook pediu uma pausa',
      what: 'O Facebook recusou as chamadas por excesso de requisições em pouco tempo.',
      todo: 'Use Sincronizar agora daqui a alguns minutos; a sincronização diária também tenta de novo sozinha.',
    },
    en: {
      title: 'Facebook asked to slow down',
      what: 'Facebook refused the calls because too many were made in a short time.',
      todo: 'Use Sync now in a few minutes; the daily sync also tries again by itself.',
    },
  },
  FACEBOOK_DAILY_LIMIT: {
    'pt-BR': {
      title: 'Limite do Facebook atingido',
      what: 'O limite de chamadas do Facebook acabou por enquanto; ele informa quanto tempo falta.',
      todo: 'Nada a fazer: a próxima sincronização depois desse prazo completa os dias.',
    },
    en: {
      title: 'Facebook limit reached',
      what: "Facebook's call limit is used up for now; it says how long until it returns.",
      todo: 'Nothing to do: the next sync after that time fills in the days.',
    },
  },
  FACEBOOK_BAD_REQUEST: {
    'pt-BR': {
      title: 'O Facebook recusou o pedido',
      what: 'O Facebook recusou o pedido (conta ou versão da API inválida).',
      todo: 'Confira o id da conta e a versão da API (facebook.apiVersion) nas configurações.',
    },
    en: {
      title: 'Facebook refused the request',
      what: 'Facebook refused the request (a wrong account id or API version).',
      todo: 'Check the account id and the API version (facebook.apiVersion) in the settings.',
    },
  },
  FACEBOOK_BAD_RESPONSE: {
    'pt-BR': {
      title: 'Resposta inesperada do Facebook',
      what: 'O Facebook respondeu com um erro ou em um formato inesperado.',
      todo: 'Tente de novo mais tarde; se continuar, o serviço pode ter mudado.',
    },
    en: {
      title: 'Unexpected answer from Facebook',
      what: 'Facebook answered with an error or in an unexpected shape.',
      todo: 'Try again later; if it goes on, the service may have changed.',
    },
  },
  INSTAGRAM_TOKEN_MISSING: {
    'pt-BR': {
      title: 'Sem token do Instagram',
      what: 'Nenhum token do Instagram está salvo.',
      todo: 'Cole um token de acesso do Instagram em Configurações › Redes ou rode: follower-pulse secret set instagram.accessToken.',
    },
    en: {
      title: 'No Instagram token',
      what: 'No Instagram token is stored.',
      todo: 'Paste an Instagram access token in Settings › Networks or run: follower-pulse secret set instagram.accessToken.',
    },
  },
  INSTAGRAM_TOKEN_EXPIRED: {
    'pt-BR': {
      title: 'Token do Instagram expirado',
      what: 'O token do Instagram expirou ou deixou de valer (por exemplo, após uma troca de senha).',
      todo: 'Gere um token novo e salve em Configurações › Redes ou rode: follower-pulse secret set instagram.accessToken.',
    },
    en: {
      title: 'Instagram token expired',
      what: 'The Instagram token has expired or is no longer valid (for example after a password change).',
      todo: 'Create a new token and store it in Settings › Networks or run: follower-pulse secret set instagram.accessToken.',
    },
  },
  INSTAGRAM_PERMISSION_DENIED: {
    'pt-BR': {
      title: 'Sem permissão no Instagram',
      what: 'O Instagram recusou o acesso com este token.',
      todo: 'Gere um token com as permissões instagram_basic e instagram_manage_insights, de alguém que pode analisar a conta.',
    },
    en: {
      title: 'No permission on Instagram',
      what: 'Instagram refused access with this token.',
      todo: 'Create a token with the instagram_basic and instagram_manage_insights permissions, from someone who can analyse the account.',
    },
  },
  INSTAGRAM_THROTTLED: {
    'pt-BR': {
      title: 'Instagram pediu uma pausa',
      what: 'O Instagram recusou as chamadas por excesso de requisições em pouco tempo.',
      todo: 'Use Sincronizar agora daqui a alguns minutos; a sincronização diária também tenta de novo sozinha.',
    },
    en: {
      title: 'Instagram asked to slow down',
      what: 'Instagram refused the calls because too many were made in a short time.',
      todo: 'Use Sync now in a few minutes; the daily sync also tries again by itself.',
    },
  },
  INSTAGRAM_DAILY_LIMIT: {
    'pt-BR': {
      title: 'Limite do Instagram atingido',
      what: 'O limite de chamadas do Instagram acabou por enquanto; ele informa quanto tempo falta.',
      todo: 'Nada a fazer: a próxima sincronização depois desse prazo completa os dias.',
    },
    en: {
      title: 'Instagram limit reached',
      what: "Instagram's call limit is used up for now; it says how long until it returns.",
      todo: 'Nothing to do: the next sync after that time fills in the days.',
    },
  },
  INSTAGRAM_BAD_REQUEST: {
    'pt-BR': {
      title: 'O Instagram recusou o pedido',
      what: 'O Instagram recusou o pedido (conta ou versão da API inválida).',
      todo: 'Confira o id da conta e a versão da API (instagram.apiVersion) nas configurações.',
    },
    en: {
      title: 'Instagram refused the request',
      what: 'Instagram refused the request (a wrong account id or API version).',
      todo: 'Check the account id and the API version (instagram.apiVersion) in the settings.',
    },
  },
  INSTAGRAM_BAD_RESPONSE: {
    'pt-BR': {
      title: 'Resposta inesperada do Instagram',
      what: 'O Instagram respondeu com um erro ou em um formato inesperado.',
      todo: 'Tente de novo mais tarde; se continuar, o serviço pode ter mudado.',
    },
    en: {
      title: 'Unexpected answer from Instagram',
      what: 'Instagram answered with an error or in an unexpected shape.',
      todo: 'Try again later; if it goes on, the service may have changed.',
    },
  },
  X_TOKEN_MISSING: {
    'pt-BR': {
      title: 'Sem token do X',
      what: 'Nenhum token Bearer do X está salvo.',
      todo: 'Cole o token Bearer do app (console.x.com) em Configurações › Redes ou rode: follower-pulse secret set x.bearerToken.',
    },
    en: {
      title: 'No X token',
      what: 'No X Bearer token is stored.',
      todo: 'Paste the app Bearer token (console.x.com) in Settings › Networks or run: follower-pulse secret set x.bearerToken.',
    },
  },
  X_TOKEN_INVALID: {
    'pt-BR': {
      title: 'Token do X recusado',
      what: 'O X recusou o token Bearer do app (inválido, revogado ou sem créditos).',
      todo: 'Confira o app e os créditos em console.x.com e salve o token de novo: follower-pulse secret set x.bearerToken.',
    },
    en: {
      title: 'X token refused',
      what: "X refused the app's Bearer token (invalid, revoked or out of credits).",
      todo: 'Check the app and its credits at console.x.com and store the token again: follower-pulse secret set x.bearerToken.',
    },
  },
  X_THROTTLED: {
    'pt-BR': {
      title: 'X pediu uma pausa',
      what: 'O limite de consultas do X acabou nesta janela de 15 minutos.',
      todo: 'Use Sincronizar agora depois do horário indicado; a sincronização diária também tenta de novo sozinha.',
    },
    en: {
      title: 'X asked to slow down',
      what: "X's look-up limit for this 15-minute window is used up.",
      todo: 'Use Sync now after the time shown; the daily sync also tries again by itself.',
    },
  },
  X_NOT_FOUND: {
    'pt-BR': {
      title: 'Conta do X não encontrada',
      what: 'O X não tem uma conta com este nome de usuário (ou ela está suspensa).',
      todo: 'Confira o nome de usuário, sem @, em Configurações › Redes.',
    },
    en: {
      title: 'X account not found',
      what: 'X has no account with this username (or it is suspended).',
      todo: 'Check the username, without @, in Settings › Networks.',
    },
  },
  X_BAD_RESPONSE: {
    'pt-BR': {
      title: 'Resposta inesperada do X',
      what: 'O X respondeu com um erro ou em um formato inesperado.',
      todo: 'Tente de novo mais tarde; se continuar, o serviço pode ter mudado.',
    },
    en: {
      title: 'Unexpected answer from X',
      what: 'X answered with an error or in an unexpected shape.',
      todo: 'Try again later; if it goes on, the service may have changed.',
    },
  },
  NETWORK: {
    'pt-BR': {
      title: 'Sem conexão',
      what: 'Não foi possível conectar ao servidor pela internet.',
      todo: 'Confira a conexão, o proxy e o firewall; a próxima sincronização tenta de novo sozinha.',
    },
    en: {
      title: 'No connection',
      what: 'The server could not be reached over the internet.',
      todo: 'Check the connection, proxy and firewall; the next sync tries again by itself.',
    },
  },
  S3_ACCESS_DENIED: {
    'pt-BR': {
      title: 'Acesso negado no S3',
      what: 'A AWS negou acesso ao bucket S3.',
      todo: 'Confira as credenciais da AWS (perfil em Configurações › S3) e a permissão de gravação no bucket e no prefixo.',
    },
    en: {
      title: 'S3 access denied',
      what: 'AWS denied access to the S3 bucket.',
      todo: 'Check the AWS credentials (profile in Settings › S3) and the write permission on the bucket and prefix.',
    },
  },
  S3_NO_SUCH_BUCKET: {
    'pt-BR': {
      title: 'Bucket S3 não encontrado',
      what: 'O bucket S3 configurado não existe.',
      todo: 'Confira o nome e a região do bucket em Configurações › S3.',
    },
    en: {
      title: 'S3 bucket not found',
      what: 'The configured S3 bucket does not exist.',
      todo: 'Check the bucket name and region in Settings › S3.',
    },
  },
  S3_WRITE_FAILED: {
    'pt-BR': {
      title: 'Falha ao enviar ao S3',
      what: 'Não foi possível gravar os arquivos no S3; os dados estão salvos na pasta de dados local.',
      todo: 'Confira a conexão e Configurações › S3; a próxima sincronização envia de novo.',
    },
    en: {
      title: 'Upload to S3 failed',
      what: 'The files could not be written to S3; the data is safe in the local data folder.',
      todo: 'Check the connection and Settings › S3; the next sync uploads again.',
    },
  },
  S3_READ_FAILED: {
    'pt-BR': {
      title: 'Falha ao ler do S3',
      what: 'Não foi possível ler os arquivos do S3.',
      todo: 'Confira a conexão, as credenciais da AWS e Configurações › S3, e tente de novo.',
    },
    en: {
      title: 'Reading from S3 failed',
      what: 'The files could not be read from S3.',
      todo: 'Check the connection, the AWS credentials and Settings › S3, then try again.',
    },
  },
  SMTP_FAILED: {
    'pt-BR': {
      title: 'Falha ao enviar o alerta',
      what: 'Não foi possível enviar o e-mail de alerta.',
      todo: 'Confira servidor, usuário e senha em Configurações › Alertas e use Enviar e-mail de teste.',
    },
    en: {
      title: 'Alert e-mail not sent',
      what: 'The alert e-mail could not be sent.',
      todo: 'Check the server, user and password in Settings › Alerts and use Send test e-mail.',
    },
  },
  KEYCHAIN_UNAVAILABLE: {
    'pt-BR': {
      title: 'Cofre de senhas indisponível',
      what: 'Não foi possível abrir o cofre de senhas do sistema, onde ficam o token e as senhas.',
      todo: 'Desbloqueie o cofre (Gerenciador de Credenciais do Windows, Keychain do macOS ou GNOME Keyring) ou, num servidor, use as variáveis FOLLOWER_PULSE_SECRET_*.',
    },
    en: {
      title: 'Keychain unavailable',
      what: "The system keychain, where the token and passwords are kept, could not be opened.",
      todo: 'Unlock it (Windows Credential Manager, macOS Keychain or GNOME Keyring) or, on a server, use the FOLLOWER_PULSE_SECRET_* variables.',
    },
  },
  SETTINGS_INVALID: {
    'pt-BR': {
      title: 'Configurações inválidas',
      what: 'O arquivo de configurações (settings.json) tem um valor inválido e não foi alterado.',
      todo: 'Corrija o item indicado em Configurações ou no settings.json.',
    },
    en: {
      title: 'Invalid settings',
      what: 'The settings file (settings.json) has an invalid value and was left untouched.',
      todo: 'Fix the key it names in Settings or in settings.json.',
    },
  },
  LAKE_WRITE_FAILED: {
    'pt-BR': {
      title: 'Falha ao gravar os dados',
      what: 'Não foi possível gravar na pasta de dados local.',
      todo: 'Confira se há espaço em disco e permissão de escrita na pasta de dados.',
    },
    en: {
      title: 'Could not save the data',
      what: 'The local data folder could not be written.',
      todo: 'Check that the disk has free space and the data folder is writable.',
    },
  },
  LOCK_HELD: {
    'pt-BR': {
      title: 'Sincronização em andamento',
      what: 'Outra sincronização já estava em andamento.',
      todo: 'Espere ela terminar; não é preciso fazer nada.',
    },
    en: {
      title: 'Sync already running',
      what: 'Another sync was already running.',
      todo: 'Wait for it to finish; nothing else is needed.',
    },
  },
  NO_ACCOUNTS: {
    'pt-BR': {
      title: 'Nenhuma página configurada',
      what: 'Nenhuma página está configurada para sincronizar.',
      todo: 'Adicione uma em Configurações › Páginas.',
    },
    en: {
      title: 'No page set up',
      what: 'No page is set up to sync.',
      todo: 'Add one in Settings › Pages.',
    },
  },
  ATHENA_FAILED: {
    'pt-BR': {
      title: 'Falha no Athena',
      what: 'O Athena recusou ou não concluiu a operação.',
      todo: 'Confira o workgroup e o local dos resultados em Configurações › Athena.',
    },
    en: {
      title: 'Athena failed',
      what: 'Athena refused or did not finish the operation.',
      todo: 'Check the workgroup and the results location in Settings › Athena.',
    },
  },
  QUERY_REFUSED: {
    'pt-BR': {
      title: 'Consulta recusada',
      what: 'A consulta foi recusada: só consultas de leitura (SELECT) são permitidas.',
      todo: 'Reescreva a consulta como um SELECT.',
    },
    en: {
      title: 'Query refused',
      what: 'The query was refused: only read-only queries (SELECT) are allowed.',
      todo: 'Rewrite the query as a SELECT.',
    },
  },
  QUERY_FAILED: {
    'pt-BR': {
      title: 'Falha na consulta',
      what: 'A consulta não pôde ser executada.',
      todo: 'Confira o SQL e os nomes das tabelas e colunas.',
    },
    en: {
      title: 'Query failed',
      what: 'The query could not be run.',
      todo: 'Check the SQL and the table and column names.',
    },
  },
  USAGE: {
    'pt-BR': {
      title: 'Comando inválido',
      what: 'O comando foi usado com opções inválidas.',
      todo: 'Veja as opções com: follower-pulse --help.',
    },
    en: {
      title: 'Invalid command',
      what: 'The command was given invalid options.',
      todo: 'See the options with: follower-pulse --help.',
    },
  },
  INTERNAL: {
    'pt-BR': {
      title: 'Erro inesperado',
      what: 'Ocorreu um erro inesperado no Follower Pulse.',
      todo: 'Tente de novo; se continuar, envie os logs para o suporte.',
    },
    en: {
      title: 'Unexpected error',
      what: 'Follower Pulse ran into an unexpected error.',
      todo: 'Try again; if it keeps happening, send the logs to support.',
    },
  },
};

const UNKNOWN: Entry = {
  'pt-BR': {
    title: 'Erro',
    what: 'Ocorreu um erro.',
    todo: 'Veja o Histórico de execuções e os logs para mais detalhes.',
  },
  en: {
    title: 'Error',
    what: 'Something went wrong.',
    todo: 'See the Run history and the logs for details.',
  },
};

/** Whether `code` has its own text (rather than the generic fallback). */
export function hasErrorExplanation(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPLANATIONS, code);
}

/**
 * The user-facing text for an error code. Takes any string because codes arrive from run
 * history written by other versions; an unknown code gets a generic text, never a throw.
 */
export function explainError(code: string, language: Language): ErrorExplanation {
  const entry = hasErrorExplanation(code) ? EXPLANATIONS[code as ErrorCode] : undefined;
  return (entry ?? UNKNOWN)[language === 'en' ? 'en' : 'pt-BR'];
}
