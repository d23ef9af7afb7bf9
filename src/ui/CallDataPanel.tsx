import { useId, useRef, useState } from 'preact/hooks';
import type { Call } from '../core/call';
import { runCommand } from './actions';
import { callVariables, knownVariableNames } from './call-data';
import { trustedSubmit } from './trusted-submit';

/**
 * The call's CTI data: what the vendor attached (screen-pop rules read the same values) and a form to
 * add or change one variable. "Clear call data" removes what the agent attached.
 */
export function CallDataPanel({ call }: { call: Call }) {
  const id = useId();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const valueInput = useRef<HTMLInputElement>(null);
  const variables = callVariables(call);
  const suggestions = knownVariableNames(call);

  const set = async () => {
    const variable = name.trim();
    if (variable === '') {
      setProblem('Type the name of the variable to set.');
      return;
    }
    setProblem(undefined);
    if (await runCommand({ type: 'setCallData', callId: call.id, variables: { [variable]: value } })) {
      setName('');
      setValue('');
    }
  };

  const edit = (variable: string, current: string) => {
    setProblem(undefined);
    setName(variable);
    setValue(current);
    valueInput.current?.focus();
  };

  return (
    <fieldset class="sb-panel sb-call-data" aria-label="Call data">
      {variables.length > 0 ? (
        <dl class="sb-vars">
          {variables.map(([variable, current]) => (
            <div key={variable} class="sb-var">
              <dt>{variable}</dt>
              <dd>{current}</dd>
              <button
                type="button"
                class="sb-link"
                aria-label={`Edit variable ${variable}`}
                onClick={() => edit(variable, current)}
              >
                Edit
              </button>
            </div>
          ))}
        </dl>
      ) : (
        <p class="sb-empty">This call has no call data yet.</p>
      )}
      <form class="sb-var-form" {...trustedSubmit(set)} noValidate>
        <div>
          <label class="sb-field-label" for={`${id}-n`}>
            Variable name
          </label>
          <input
            id={`${id}-n`}
            class="sb-input"
            type="text"
            autoComplete="off"
            spellcheck={false}
            list={suggestions.length > 0 ? `${id}-l` : undefined}
            value={name}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-p` : undefined}
            onInput={(event) => {
              setProblem(undefined);
              setName(event.currentTarget.value);
            }}
          />
          {suggestions.length > 0 && (
            <datalist id={`${id}-l`}>
              {suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          )}
        </div>
        <div>
          <label class="sb-field-label" for={`${id}-v`}>
            Value
          </label>
          <input
            id={`${id}-v`}
            ref={valueInput}
            class="sb-input"
            type="text"
            autoComplete="off"
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
          />
        </div>
        {problem && (
          <p id={`${id}-p`} class="sb-field-error" role="alert">
            {problem}
          </p>
        )}
        <div class="sb-controls">
          <button type="submit" class="sb-btn">
            Set variable
          </button>
          <button
            type="button"
            class="sb-btn"
            onClick={() => void runCommand({ type: 'clearCallData', callId: call.id })}
          >
            Clear call data
          </button>
        </div>
      </form>
    </fieldset>
  );
}
