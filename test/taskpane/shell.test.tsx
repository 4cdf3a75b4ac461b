/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { Field, FluentProvider, Input, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { UI_STRINGS } from "../../src/i18n/ui";
import { App } from "../../src/taskpane/App";
import { useFocusFirstInvalid } from "../../src/taskpane/components/useFocusFirstInvalid";
import { WizardSteps } from "../../src/taskpane/components/WizardSteps";
import { themeKindFromOffice } from "../../src/taskpane/theme";

type NotifyDocument = Document & { ariaNotify?: jest.Mock };

describe("theme", () => {
  it("follows Office's dark flag, else the body colour, else light", () => {
    expect(themeKindFromOffice({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" })).toBe("dark");
    expect(themeKindFromOffice({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
    expect(themeKindFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeKindFromOffice({ bodyBackgroundColor: "#F3F3F3" })).toBe("light");
    expect(themeKindFromOffice({ bodyBackgroundColor: "not a colour" })).toBe("light");
    expect(themeKindFromOffice(undefined)).toBe("light");
  });

  it("renders the pane with Fluent's dark theme when Office is dark", () => {
    const { container } = render(<App gateway={new MemoryGateway()} initialLanguage="en" theme="dark" />);
    const root = container.querySelector("[data-theme]") as HTMLElement;
    expect(root.dataset.theme).toBe("dark");
    // Fluent writes the theme's tokens as CSS variables for the provider's class.
    const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n");
    expect(css).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  });
});

describe("announcements", () => {
  afterEach(() => {
    delete (document as NotifyDocument).ariaNotify;
  });

  it("announces a finished write politely to screen readers", async () => {
    const notify = jest.fn();
    (document as NotifyDocument).ariaNotify = notify;
    render(<App gateway={new MemoryGateway()} initialLanguage="en" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Create example sheet" }));
    });
    expect(notify).toHaveBeenCalledWith("Sheet “RFM example” is ready.", { priority: "normal" });
  });

  it("announces a failure with the reason", async () => {
    const notify = jest.fn();
    (document as NotifyDocument).ariaNotify = notify;
    const gateway = new MemoryGateway();
    gateway.failAfterBlocks(0, "busy");
    render(<App gateway={gateway} initialLanguage="zh" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "创建示例工作表" }));
    });
    // errors are assertive
    expect(notify).toHaveBeenCalledWith(expect.stringContaining("Excel 无法写入工作表（busy）。工作簿保持原样。"), { priority: "high" });
  });
});

function StepsHarness() {
  const [step, setStep] = useState(0);
  const [error, setError] = useState(false);
  const [value, setValue] = useState("");
  const { containerRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLDivElement>();
  const next = () => {
    if (step === 0 && value === "") {
      setError(true);
      focusFirstInvalid();
      return;
    }
    setError(false);
    setStep(step + 1);
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <div ref={containerRef}>
        <WizardSteps steps={["Who", "What"]} current={step} done={[value !== "", false]} onStep={setStep} t={UI_STRINGS.en} onBack={() => setStep(step - 1)} onNext={next} finishLabel="Finish">
          <Field label="Other">
            <Input />
          </Field>
          {step === 0 && (
            <Field label="Name" validationState={error ? "error" : "none"} validationMessage={error ? "Required" : undefined}>
              <Input value={value} onChange={(_, d) => setValue(d.value)} />
            </Field>
          )}
        </WizardSteps>
      </div>
    </FluentProvider>
  );
}

describe("wizard steps and invalid fields", () => {
  it("marks the current step, moves focus to the first invalid field, then to the next step's heading", async () => {
    render(<StepsHarness />);
    const step = (n: number, name: string, state: string) => screen.getByRole("button", { name: `Step ${n}: ${name}, ${state}` });
    expect(step(1, "Who", "current step").getAttribute("aria-current")).toBe("step");
    expect((step(2, "What", "not done yet") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("heading", { name: "Step 1 of 2: Who" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Back" })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Next" }));
    });
    const name = screen.getByRole("textbox", { name: "Name" });
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(name);
    expect(screen.getByText("Required")).toBeTruthy();
    fireEvent.change(name, { target: { value: "Ada" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Next" }));
    });
    const heading = screen.getByRole("heading", { name: "Step 2 of 2: What" });
    expect(document.activeElement).toBe(heading);
    expect(step(2, "What", "current step").getAttribute("aria-current")).toBe("step");
    expect(screen.getByRole("button", { name: "Finish" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Back" })).toBeTruthy();

    // The first step is done: marked, and a click opens it again.
    const first = step(1, "Who", "done");
    expect(first.textContent).toContain("✓");
    await act(async () => {
      fireEvent.click(first);
    });
    expect(screen.getByRole("heading", { name: "Step 1 of 2: Who" })).toBeTruthy();
  });

  it("is a form: submitting it (Enter in a field) is the step's primary action, Next", async () => {
    render(<StepsHarness />);
    fireEvent.change(screen.getByRole("textbox", { name: "Name" }), { target: { value: "Ada" } });
    await act(async () => {
      fireEvent.submit(screen.getByRole("textbox", { name: "Name" }).closest("form")!);
    });
    expect(screen.getByRole("heading", { name: "Step 2 of 2: What" })).toBeTruthy();
  });
});
