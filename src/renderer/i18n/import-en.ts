import { IMPORT_REASONS_EN } from '../../shared/imports';
import type { importPtBR } from './import-pt-br';

/** Texts of the history import (views/import), spread into the English catalog. */
export const importEn: typeof importPtBR = {
  importView: {
    open: 'Import history',
    title: 'Import history',
    subtitle:
      "Bring in the history from before you connected: LinkedIn's follower export (CSV or XLSX), the old prototype's follower_stats files, or a spreadsheet with a day and followers.",
    drop: 'Drop the file here',
    choose: 'Choose a file',
    chosen: 'File: {{name}}',
    network: 'Network',
    account: 'Page or account ID',
    accountHelp: "Optional for the prototype's files, which carry the page ID.",
    check: 'Check again',
    reading: 'Reading the file…',
    previewTitle: 'Preview',
    formats: {
      generic: 'Generic spreadsheet',
      'linkedin-export': "LinkedIn's follower export",
      prototype: 'Prototype file (follower_stats)',
    },
    summary: '{{rows}} lines read · {{gainDays}} days of gains · {{totalDays}} follower totals',
    span: 'From {{from}} to {{to}}, page {{account}} ({{network}})',
    apiDays: '{{count}} day(s) already synced from the API keep the API numbers.',
    notTracked: 'This account is not among the tracked pages and will not be added to them.',
    rejectedTitle: 'File rejected: {{count}} problem(s). Nothing will be written.',
    rejectedHint: 'Fix the lines below and drop the file again.',
    rejectedMore: '… and {{count}} more',
    line: 'line {{line}}',
    wholeFile: 'whole file',
    columns: { day: 'Day', organic: 'Organic', paid: 'Sponsored', total: 'Total', followers: 'Followers' },
    commit: 'Import',
    committing: 'Importing…',
    done: 'Import finished: {{days}} day(s) new or changed.',
    unchanged: 'Nothing changed: these numbers were already in the data.',
    tooLarge: 'The file is larger than 10 MB.',
    mappingTitle: 'Format and columns',
    format: 'Format',
    formatAuto: 'Recognise by the header',
    mappingAuto: 'recognise by name',
    mapping: { day: 'Day column', followers: 'Followers column', organic: 'Organic gain column', paid: 'Sponsored gain column', gain: 'Total gain column' },
    columnNames: { followers: 'followers', organic: 'organic gain', paid: 'sponsored gain', gain: 'gain', autoInvited: 'auto-invited followers' },
    reasons: IMPORT_REASONS_EN,
  },
};
