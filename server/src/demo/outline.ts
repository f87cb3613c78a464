/**
 * The shape of the demo working group: five focus topics with their subgroups, and the
 * report outline with status, assignee, due date and drafted text of every section.
 * People are referred to by their expert number (1 = expert01) or as 'moderator', so the
 * data reads like the plan a moderator would write down.
 */
import type { SectionStatus } from '@konvent/shared';
import type { PMNode } from './texts/markup';
import * as frame from './texts/frame';
import * as awareness from './texts/awareness';
import * as strategies from './texts/strategies';
import * as governance from './texts/governance';
import * as practice from './texts/practice';
import * as cooperation from './texts/cooperation';

export type PersonRef = number | 'moderator';

export interface DemoTopic {
  key: string;
  title: string;
  description: string;
  /** Expert numbers of the subgroup; leads are among them. */
  members: number[];
  leads: number[];
  /** When the first plenary agreed on the topic. */
  createdDaysAgo: number;
}

export interface DemoSection {
  title: string;
  topic?: string;
  status: SectionStatus;
  assignee?: PersonRef;
  /** Due date relative to the seeding day. */
  dueInDays?: number;
  /** Who typed last; a member of the owning subgroup, or the assignee for sections without a topic. */
  lastEditor: PersonRef;
  createdDaysAgo: number;
  editedDaysAgo: number;
  text: PMNode;
  children?: DemoSection[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// Every expert is in at least one subgroup; 3, 10, 20 and 36 work in two.
export const demoTopics: DemoTopic[] = [
  {
    key: 'awareness',
    title: 'Sensibilisierung und Grundlagen',
    description:
      'Was Open Source Software ist, wie Lizenzen funktionieren und welche Vorurteile sich hartnäckig halten: ' +
      'Grundlagen, mit denen Verwaltungsleitung, Politik und Fachämter gemeinsam informiert entscheiden können.',
    members: [...range(1, 8), 36],
    leads: [1],
    createdDaysAgo: 41,
  },
  {
    key: 'strategies',
    title: 'Umsetzungsstrategien',
    description:
      'Wie eine Kommune den Einsatz von Open Source schrittweise plant: Bestandsaufnahme, Ziele, Pilotvorhaben, ' +
      'Beschaffung und der Weg in den Regelbetrieb.',
    members: [...range(9, 16), 3],
    leads: [9, 12],
    createdDaysAgo: 41,
  },
  {
    key: 'governance',
    title: 'Open Source Governance',
    description:
      'Rollen, Verantwortlichkeiten und Leitlinien für Nutzung, Weiterentwicklung und Veröffentlichung von ' +
      'Open Source Software in der Kommunalverwaltung.',
    members: range(17, 24),
    leads: [17],
    createdDaysAgo: 40,
  },
  {
    key: 'practice',
    title: 'Praxisbeispiele aus Kommunen',
    description:
      'Erfahrungen aus Städten, Kreisen und Gemeinden, die Open Source bereits einsetzen: was gut gelaufen ist, ' +
      'was sie heute anders machen würden und was sich übertragen lässt.',
    members: [...range(25, 31), 10],
    leads: [25, 28],
    createdDaysAgo: 40,
  },
  {
    key: 'cooperation',
    title: 'Zusammenarbeit mit Wirtschaft und Community',
    description:
      'Wie Kommunen mit Open-Source-Unternehmen, kommunalen IT-Dienstleistern und Communitys zusammenarbeiten ' +
      'und Impulse aus der Open-Source-Wirtschaft aufnehmen.',
    members: [...range(32, 39), 20],
    leads: [32, 35],
    createdDaysAgo: 39,
  },
];

export const demoOutline: DemoSection[] = [
  {
    title: 'Vorwort',
    status: 'review',
    assignee: 'moderator',
    dueInDays: 12,
    lastEditor: 'moderator',
    createdDaysAgo: 38,
    editedDaysAgo: 2,
    text: frame.foreword,
  },
  {
    title: 'Einleitung',
    status: 'draft',
    assignee: 5,
    dueInDays: 9,
    lastEditor: 5,
    createdDaysAgo: 38,
    editedDaysAgo: 3,
    text: frame.introduction,
  },
  {
    title: 'Sensibilisierung und Grundlagen',
    topic: 'awareness',
    status: 'review',
    assignee: 1,
    lastEditor: 1,
    createdDaysAgo: 37,
    editedDaysAgo: 6,
    text: awareness.chapter,
    children: [
      {
        title: 'Was Open Source Software ausmacht',
        topic: 'awareness',
        status: 'final',
        assignee: 2,
        lastEditor: 2,
        createdDaysAgo: 37,
        editedDaysAgo: 9,
        text: awareness.basics,
      },
      {
        title: 'Lizenzen verständlich erklärt',
        topic: 'awareness',
        status: 'review',
        assignee: 4,
        dueInDays: 5,
        lastEditor: 36,
        createdDaysAgo: 36,
        editedDaysAgo: 1,
        text: awareness.licences,
      },
      {
        title: 'Verbreitete Missverständnisse',
        topic: 'awareness',
        status: 'draft',
        dueInDays: 16,
        lastEditor: 7,
        createdDaysAgo: 30,
        editedDaysAgo: 4,
        text: awareness.myths,
      },
    ],
  },
  {
    title: 'Umsetzungsstrategien',
    topic: 'strategies',
    status: 'draft',
    assignee: 9,
    lastEditor: 12,
    createdDaysAgo: 37,
    editedDaysAgo: 5,
    text: strategies.chapter,
    children: [
      {
        title: 'Ausgangslage erheben und Ziele setzen',
        topic: 'strategies',
        status: 'review',
        assignee: 12,
        dueInDays: 4,
        lastEditor: 12,
        createdDaysAgo: 35,
        editedDaysAgo: 2,
        text: strategies.assessment,
      },
      {
        title: 'Vom Pilotprojekt zum Regelbetrieb',
        topic: 'strategies',
        status: 'draft',
        assignee: 14,
        dueInDays: 18,
        lastEditor: 3,
        createdDaysAgo: 35,
        editedDaysAgo: 1,
        text: strategies.pilot,
      },
      {
        title: 'Beschaffung und Vergabe',
        topic: 'strategies',
        status: 'draft',
        assignee: 11,
        dueInDays: 25,
        lastEditor: 11,
        createdDaysAgo: 28,
        editedDaysAgo: 7,
        text: strategies.procurement,
      },
    ],
  },
  {
    title: 'Open Source Governance',
    topic: 'governance',
    status: 'draft',
    assignee: 17,
    lastEditor: 17,
    createdDaysAgo: 36,
    editedDaysAgo: 8,
    text: governance.chapter,
    children: [
      {
        title: 'Rollen und Verantwortlichkeiten',
        topic: 'governance',
        status: 'draft',
        assignee: 19,
        dueInDays: 14,
        lastEditor: 22,
        createdDaysAgo: 34,
        editedDaysAgo: 2,
        text: governance.roles,
      },
      {
        title: 'Leitlinien für Nutzung, Beteiligung und Veröffentlichung',
        topic: 'governance',
        status: 'review',
        assignee: 18,
        dueInDays: 6,
        lastEditor: 18,
        createdDaysAgo: 34,
        editedDaysAgo: 3,
        text: governance.guidelines,
      },
    ],
  },
  {
    title: 'Praxisbeispiele aus Kommunen',
    topic: 'practice',
    status: 'review',
    assignee: 25,
    lastEditor: 28,
    createdDaysAgo: 36,
    editedDaysAgo: 4,
    text: practice.chapter,
    children: [
      {
        title: 'Stadt Lindenfeld: Bürokommunikation mit offenen Standards',
        topic: 'practice',
        status: 'final',
        assignee: 25,
        lastEditor: 25,
        createdDaysAgo: 33,
        editedDaysAgo: 11,
        text: practice.lindenfeld,
      },
      {
        title: 'Landkreis Moorbach: ein gemeinsames Fachverfahren für Schulen',
        topic: 'practice',
        status: 'review',
        assignee: 26,
        dueInDays: 3,
        lastEditor: 26,
        createdDaysAgo: 33,
        editedDaysAgo: 2,
        text: practice.moorbach,
      },
      {
        title: 'Was sich übertragen lässt',
        topic: 'practice',
        status: 'draft',
        dueInDays: 20,
        lastEditor: 10,
        createdDaysAgo: 21,
        editedDaysAgo: 1,
        text: practice.transfer,
      },
    ],
  },
  {
    title: 'Zusammenarbeit mit Wirtschaft und Community',
    topic: 'cooperation',
    status: 'draft',
    assignee: 32,
    lastEditor: 35,
    createdDaysAgo: 35,
    editedDaysAgo: 6,
    text: cooperation.chapter,
    children: [
      {
        title: 'Die Rolle der Open-Source-Wirtschaft',
        topic: 'cooperation',
        status: 'draft',
        assignee: 35,
        dueInDays: 15,
        lastEditor: 37,
        createdDaysAgo: 32,
        editedDaysAgo: 3,
        text: cooperation.business,
      },
      {
        title: 'Communitys und Plattformen für öffentlichen Code',
        topic: 'cooperation',
        status: 'review',
        assignee: 20,
        dueInDays: 8,
        lastEditor: 20,
        createdDaysAgo: 32,
        editedDaysAgo: 2,
        text: cooperation.community,
      },
    ],
  },
  {
    title: 'Empfehlungen',
    status: 'draft',
    assignee: 17,
    dueInDays: 30,
    lastEditor: 17,
    createdDaysAgo: 38,
    editedDaysAgo: 1,
    text: frame.recommendations,
  },
  {
    title: 'Anhang',
    status: 'draft',
    assignee: 'moderator',
    lastEditor: 'moderator',
    createdDaysAgo: 38,
    editedDaysAgo: 10,
    text: frame.appendix,
    children: [
      {
        title: 'Glossar',
        status: 'draft',
        assignee: 2,
        lastEditor: 2,
        createdDaysAgo: 27,
        editedDaysAgo: 5,
        text: frame.glossary,
      },
      {
        title: 'Quellen und weiterführende Literatur',
        status: 'draft',
        assignee: 'moderator',
        lastEditor: 'moderator',
        createdDaysAgo: 27,
        editedDaysAgo: 3,
        text: frame.sources,
      },
    ],
  },
];
