import type { TFunction } from 'i18next';
import type { PreviewQuery } from '../../../shared/ui-api';

/** The engine names previews in English; known ones get the user's language. */
export function previewTitle(t: TFunction, preview: PreviewQuery): string {
  switch (preview.id) {
    case 'follower-gains':
      return t('previews.followerGains');
    case 'follower-totals':
      return t('previews.followerTotals');
    case 'accounts':
      return t('previews.accounts');
    case 'company-events':
      return t('previews.companyEvents');
    case 'sync-runs':
      return t('previews.syncRuns');
    case 'daily-gains-90-days':
      return t('previews.dailyGains90');
    case 'weekly-gains':
      return t('previews.weeklyGains');
    case 'monthly-gains':
      return t('previews.monthlyGains');
    case 'pages':
      return t('previews.pages');
    default:
      return preview.title;
  }
}
