import { Inject, Injectable } from '@nestjs/common';
import { ConfigError, readOperatorJson, type AppConfig } from '@tdkt/config';
import {
  applyOverride,
  RULE_SETS,
  ruleSetInForce,
  validateProvinceRuleSets,
  type ProvinceRuleSets,
  type RuleSet,
} from '@tdkt/domain';
import { Directory } from '@tdkt/persistence';
import { CONFIG } from './tokens';

/**
 * Provinces' own rule-set files, read and checked once at start-up (a bad setting stops the process with its file
 * and field named). At submission the effective rule set — the shipped one in force with the province's settings —
 * goes into the command, and the dossier keeps that snapshot for life; changing a file affects new dossiers only.
 */
@Injectable()
export class RuleSetResolver {
  private readonly byProvince = new Map<string, ProvinceRuleSets>();

  constructor(
    @Inject(CONFIG) config: AppConfig,
    private readonly directory: Directory,
  ) {
    const problems: string[] = [];
    for (const file of config.ruleSetFiles) {
      const parsed = readOperatorJson(file, problems);
      if (parsed === undefined) continue;
      const checked = validateProvinceRuleSets(parsed, RULE_SETS);
      if (!checked.ok) problems.push(...checked.problems.map((p) => `${file}: ${p}`));
      else this.byProvince.set(checked.value.provinceCode, checked.value);
    }
    if (problems.length) throw new ConfigError(problems);
  }

  /** The province's effective rule set for a unit on a day, or undefined when the province has no override. */
  async effectiveFor(unitCode: string, today: string): Promise<RuleSet | undefined> {
    // No province has a file of its own (the usual case): no need to ask the directory for the unit's province.
    if (this.byProvince.size === 0) return undefined;
    const province = await this.directory.provinceOf(unitCode);
    const file = province ? this.byProvince.get(province) : undefined;
    const base = ruleSetInForce(today);
    const override = file && base && file.overrides.find((o) => o.baseVersion === base.version);
    return override && base && province ? applyOverride(base, province, override) : undefined;
  }
}
