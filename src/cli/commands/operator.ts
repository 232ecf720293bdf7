// Who the CLI acts as: the operator at the machine (every scope), recorded on audit events.
export { operatorContext } from '../../core/authorization/authorize.ts';
