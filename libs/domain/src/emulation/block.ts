/**
 * Emulation blocks (khối thi đua, law page §9): the province groups its units into blocks; each block signs a pledge
 * (ký giao ước), scores its members at year-end and proposes its leading unit for the Cờ thi đua. How a block is led
 * and how many it may propose are set by each province's block regulation (Quy chế cụm, khối thi đua) — [U] here,
 * encoded as defaults with the rule named.
 *
 * A block is its own stream in the event table (events start with "EmulationBlock"); forming it is one event the API
 * appends, like a round: nothing waits, so no workflow runs for it. Each year of a block is a workflow (block-year.ts).
 */
import type { Actor, ActorRole } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';

/** A member unit of a block, in the block's rotation order. */
export interface BlockMember {
  unitCode: string;
  name: string;
}

export interface BlockDefinition {
  /** Short code, unique in the province, e.g. "KHOI-VHXH". */
  code: string;
  name: string;
  provinceCode: string;
  /** In rotation order: the order in which members take their turn to lead the block. */
  members: BlockMember[];
}

export type BlockEvent = { type: 'EmulationBlockFormed'; data: BlockDefinition };
export const isBlockEventType = (type: string): boolean => type.startsWith('EmulationBlock');
/** A block event as stored: the block id is the stream id. */
export type BlockEnvelope = Envelope<BlockEvent>;

/** The provincial secretariat forms blocks on behalf of the provincial council (kept simple: no separate council step). */
export const BLOCK_ORGANISERS: readonly ActorRole[] = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];

/** A block needs a head and a deputy from different units, so at least two members, each once. Pure. */
export function decideFormBlock(definition: BlockDefinition, actor: Actor): Decision<BlockEvent[]> {
  if (!BLOCK_ORGANISERS.includes(actor.role))
    return refuse(
      reject(
        'FORBIDDEN',
        'role.FormBlock',
        `${actor.role} may not form an emulation block; allowed: ${BLOCK_ORGANISERS.join(', ')}`,
      ),
    );
  const name = definition.name.trim();
  const code = definition.code.trim();
  if (!name || !code) return refuse(reject('INVALID', 'block.name', 'A block has a code and a name'));
  const codes = definition.members.map((m) => m.unitCode);
  if (new Set(codes).size !== codes.length)
    return refuse(
      reject(
        'INVALID',
        'block.members',
        `A unit is listed twice: ${codes.filter((c, i) => codes.indexOf(c) !== i).join(', ')}`,
      ),
    );
  if (codes.length < 2)
    return refuse(
      reject(
        'INVALID',
        'block.members',
        'A block has at least two member units (a head and a deputy from different units)',
      ),
    );
  return accept([
    {
      type: 'EmulationBlockFormed',
      data: { code, name, provinceCode: definition.provinceCode, members: definition.members },
    },
  ]);
}

/** The head (khối trưởng) and deputy (khối phó) of a block for one year. */
export interface BlockLeadership {
  head: string;
  deputy: string;
}

/**
 * Rotation (luân phiên) [U]: members lead in the block's order. The head of a year is the member after last year's
 * head (the first member when there was none, or when last year's head has left and no later member of the old order
 * is still in the block); the deputy is the member after the head, so this year's deputy is next year's head.
 * Pure; `previousOrder` is last year's member order (to find the successor of a head who has left).
 */
export function rotateLeadership(
  members: readonly string[],
  previous?: { head: string; order: readonly string[] },
): BlockLeadership {
  if (members.length < 2) throw new Error('rotation needs at least two members');
  let headIndex = 0;
  if (previous) {
    const at = members.indexOf(previous.head);
    if (at >= 0) headIndex = (at + 1) % members.length;
    else {
      // The old head left: the first member after it in last year's order that is still in the block.
      const from = previous.order.indexOf(previous.head);
      const successor =
        from < 0
          ? undefined
          : [...previous.order.slice(from + 1), ...previous.order.slice(0, from)].find((u) => members.includes(u));
      headIndex = successor ? members.indexOf(successor) : 0;
    }
  }
  return { head: members[headIndex], deputy: members[(headIndex + 1) % members.length] };
}
