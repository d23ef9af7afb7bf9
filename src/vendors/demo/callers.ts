/** Fictional callers from several countries (numbers in ranges reserved for drama or documentation). */
export interface DemoCaller {
  readonly number: string;
  readonly name: string;
  readonly queue: string;
  /** Extra CTI fields a real IVR would attach. */
  readonly data: Readonly<Record<string, string>>;
}

export const DEMO_CALLERS: readonly DemoCaller[] = [
  {
    number: '+44 20 7946 0958',
    name: 'Olivia Bennett',
    queue: 'Support',
    data: { customerId: 'C-10482', ivr: 'billing' },
  },
  {
    number: '+1 415 555 0132',
    name: 'Marcus Reed',
    queue: 'Sales',
    data: { customerId: 'C-20417', ivr: 'new-order' },
  },
  {
    number: '+39 02 4869 1234',
    name: 'Giulia Romano',
    queue: 'Support',
    data: { customerId: 'C-30851', ivr: 'outage' },
  },
  {
    number: '+49 30 12345678',
    name: 'Lukas Schneider',
    queue: 'Billing',
    data: { customerId: 'C-41106', ivr: 'invoice' },
  },
  {
    number: '+33 1 70 36 39 50',
    name: 'Camille Laurent',
    queue: 'Sales',
    data: { customerId: 'C-52270', ivr: 'upgrade' },
  },
  {
    number: '+61 2 9876 5432',
    name: 'Jack Thompson',
    queue: 'Support',
    data: { customerId: 'C-63309', ivr: 'password' },
  },
  {
    number: '+34 912 345 678',
    name: 'Lucía Fernández',
    queue: 'Billing',
    data: { customerId: 'C-74418', ivr: 'refund' },
  },
  {
    number: '+81 3-1234-5678',
    name: 'Haruto Sato',
    queue: 'Support',
    data: { customerId: 'C-85520', ivr: 'setup' },
  },
  {
    number: '+55 11 91234-5678',
    name: 'Ana Souza',
    queue: 'Sales',
    data: { customerId: 'C-96631', ivr: 'pricing' },
  },
  {
    number: '+91 98765 43210',
    name: 'Priya Sharma',
    queue: 'Support',
    data: { customerId: 'C-07742', ivr: 'delivery' },
  },
];

/** Contacts an outbound call may reach, so a dialed number shows a name like a real directory lookup. */
export function lookupName(number: string): string | undefined {
  const digits = number.replace(/\D/g, '');
  return DEMO_CALLERS.find((c) => c.number.replace(/\D/g, '') === digits)?.name;
}
