// The workflow bundle's entry: every workflow type the worker registers.
export { dossierWorkflow } from './dossier.workflow';
export { councilSessionWorkflow } from './council-session.workflow';
export { revocationWorkflow } from './revocation.workflow';
export { centralStageWorkflow } from './central-stage.workflow';
export { blockYearWorkflow } from './block-year.workflow';
