// Weighted rendezvous hashing (highest random weight): each agent scores weight / -ln(u), u a
// uniform draw from SHA-256(caller, agent id); the highest score wins. So an agent wins a share
// of callers proportional to its weight; the same caller always gets the same ranking while the
// weights stay; and removing (or re-weighting) one agent moves only callers to or from that agent.
// The full ranking doubles as the order in which the other agents are tried when one fails.
import { createHash } from 'node:crypto';

export interface WeightedAgent {
  agent_id: string;
  weight: number;
}

export interface RankedAgent extends WeightedAgent {
  score: number;
}

/** A uniform draw in (0, 1) for (caller, agent). */
function draw(caller: string, agentId: string): number {
  const digest = createHash('sha256').update(caller).update('\u0000').update(agentId).digest();
  return (digest.readUIntBE(0, 6) + 0.5) / 2 ** 48;
}

/** The agents best first for this caller. Weight-0 agents come last (in a sticky order of their own). */
export function rankAgents(caller: string, agents: readonly WeightedAgent[]): RankedAgent[] {
  return agents
    .map((agent) => {
      const u = draw(caller, agent.agent_id);
      return { ...agent, score: agent.weight / -Math.log(u), tie: u };
    })
    .sort((a, b) => b.score - a.score || b.tie - a.tie)
    .map(({ tie: _tie, ...ranked }) => ranked);
}
