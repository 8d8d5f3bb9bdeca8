import { startFakeLinkedIn, type FakeLinkedIn } from '../../fakes/fake-linkedin';
import { TEST_NOW } from './serve-process';

export const ACME = { id: '2414183', name: 'Acme Ltda', vanityName: 'acme-ltda', followers: 12_480 };
export const SECOND_PAGE = { id: '88990011', name: 'Acme Brasil', vanityName: 'acme-brasil', followers: 3_215 };
export const TEST_TOKEN = 'test-token';

/** The fake LinkedIn API with its clock at the specs' "now", administering two pages. */
export async function startTestLinkedIn(): Promise<FakeLinkedIn> {
  const fake = await startFakeLinkedIn({ now: new Date(TEST_NOW), token: TEST_TOKEN });
  fake.addOrganization(ACME.id, { name: ACME.name, vanityName: ACME.vanityName, followers: ACME.followers });
  fake.addOrganization(SECOND_PAGE.id, { name: SECOND_PAGE.name, vanityName: SECOND_PAGE.vanityName, followers: SECOND_PAGE.followers });
  return fake;
}
