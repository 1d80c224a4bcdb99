import {
  CORE_PICTURE_LIMIT,
  coreSentence,
  NETWORK_FIGURES,
  NETWORK_NOTE,
  noCoreReason,
  type CorePerson,
  type DashboardData,
} from '../../src/dashboard/protocol';
import { countOf, formatCount, formatFigure } from '../../src/shared/format';
import { el, figure, legend, linkButton, note, section, table, tableBehind } from '../dom';
import { corePicture, personFigures, ROLES } from '../networkPicture';
import type { RenderContext } from './context';

type NetworkFigureId = keyof typeof NETWORK_FIGURES;

/**
 * Who knows whom: the network's figures and connectors at once, and the core's picture (its people sized by
 * ties and coloured by role, its strong ties as lines) laid out after the first paint, its table beside it.
 */
export function networkSection(data: DashboardData, context: RenderContext): HTMLElement {
  const network = data.report.network;
  const { core, coreSize } = network;
  const showPerson = (login: string) => context.post({ type: 'showPerson', login });
  const person = (login: string) => linkButton(`@${login}`, `Show @${login} in the People view`, () => showPerson(login));
  return section(
    'network',
    'Who knows whom',
    note(NETWORK_NOTE),
    el(
      'div',
      { class: 'pair' },
      el(
        'div',
        { class: 'panel' },
        core.people.length > 0 ? picturePanel(data, context, showPerson) : note(noCoreReason(network.ties)),
        core.people.length > 0
          ? tableBehind({
              caption: core.people.length < coreSize ? `The core's ${core.people.length} best-connected people` : 'The people of the core',
              headers: ['Person', 'Role', NETWORK_FIGURES.ties.label, NETWORK_FIGURES.strongTies.label],
              rows: core.people.map((one) => [person(one.login), ROLES[one.role].label, formatCount(one.ties), formatCount(one.strongTies)]),
              numeric: [2, 3],
            })
          : null,
      ),
      el(
        'div',
        { class: 'panel' },
        figureList(data),
        network.connectors.length > 0
          ? table({
              caption: 'Connectors (most ties)',
              headers: ['Person', NETWORK_FIGURES.ties.label, NETWORK_FIGURES.strongTies.label],
              rows: network.connectors.map((connector) => [person(connector.login), formatCount(connector.ties), formatCount(connector.strongTies)]),
              numeric: [1, 2],
            })
          : null,
      ),
    ),
  );
}

function figureList(data: DashboardData): HTMLElement {
  const network = data.report.network;
  const ids = Object.keys(NETWORK_FIGURES) as NetworkFigureId[];
  return el(
    'dl',
    { class: 'figure-list' },
    ...ids.flatMap((id) => [
      el('dt', { title: NETWORK_FIGURES[id].definition }, NETWORK_FIGURES[id].label),
      el('dd', {}, figure(formatFigure(NETWORK_FIGURES[id].kind, network[id]), network.reasons[id])),
    ]),
  );
}

/** The picture's place, its key and the line naming whoever is hovered or focused; the picture itself comes after the first paint. */
function picturePanel(data: DashboardData, context: RenderContext, showPerson: (login: string) => void): HTMLElement {
  const { core, coreSize } = data.report.network;
  const cut = coreSize > core.people.length ? ` The picture shows its ${formatCount(CORE_PICTURE_LIMIT)} best-connected.` : '';
  const description = `Who knows whom: the ${countOf(core.people.length, 'person', 'people')} of the core and the ${countOf(core.ties.length, 'strong tie')} between them`;
  const holder = el('div', { class: 'chart network-picture', role: 'group', 'aria-label': description }, note('Laying out the picture…'));
  const focused = el(
    'p',
    { class: 'network-focused', 'aria-live': 'polite' },
    'Point at or tab to a person for their figures; click to open them in the People view.',
  );
  const describe = (one: CorePerson) => {
    focused.textContent = personFigures(one);
  };
  context.afterPaint(() => {
    // A newer drawing may have replaced this section before the paint: nothing to lay out for it.
    if (!holder.isConnected) return { layoutMs: 0 };
    const width = Math.max(240, holder.clientWidth || context.width);
    const drawn = corePicture(core, { width, height: Math.round(Math.min(560, Math.max(320, width * 0.75))) }, { describe, open: showPerson });
    holder.replaceChildren(drawn.svg);
    return { layoutMs: drawn.layoutMs };
  });
  return el(
    'div',
    {},
    el('p', { class: 'figures' }, `${capitalized(coreSentence(coreSize))}.${cut}`),
    holder,
    legend(Object.values(ROLES).map((role) => ({ name: role.label, color: role.color }))),
    focused,
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
